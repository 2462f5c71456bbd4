import { expect, test } from '@playwright/test';
import { AppPage } from './pages/AppPage';

/**
 * Container flags typed in the console as a person types them (issue 13): an exec into a
 * directory the container lacks gets runc's chdir error, a --device the host lacks leaves the
 * container Created, and env shows the image's ENV.
 */
test('exec -w, --device and the image ENV answer in the console as Docker does', async ({ page }) => {
  const app = new AppPage(page);
  await app.open();
  await app.type('docker run -d --name web nginx');
  await app.type('docker exec -w /nope web pwd');
  await expect(app.consoleOutput).toContainText(
    'OCI runtime exec failed: exec failed: unable to start container process: chdir to cwd ("/nope") set in config.json failed: no such file or directory: unknown',
  );
  await app.type('docker run --name dev --device /dev/xyz nginx');
  await expect(app.consoleOutput).toContainText(
    'docker: Error response from daemon: error gathering device information while adding custom device "/dev/xyz": no such file or directory',
  );
  await app.type('docker exec web env');
  await expect(app.consoleOutput).toContainText('NGINX_VERSION=1.27.3');
  await expect(app.consoleOutput).toContainText('DYNPKG_RELEASE=1~bookworm');
});
