import { memo } from 'react';
import { LessonGuide } from './LessonGuide';
import { useActiveScene } from './Lessons';
import './sim.css';
import './lessons.css';

/**
 * Presenter mode's lesson guide, at the head of the terminal's half of the dock: under the
 * narration (30 px type in a 40vh dock) the step, its question and its buttons were a scroll away.
 * Beside the narration, the class reads the step, the packet's story and its headers at once. The
 * `.sim-panel` class gives it the simulation's presenter type and colours.
 */
export const PresenterGuide = memo(function PresenterGuide() {
  const scene = useActiveScene();
  if (!scene?.steps?.length) return null;
  return (
    <div className="sim-panel sim-guide-dock" data-testid="presenter-guide">
      <LessonGuide />
    </div>
  );
});
