import { downloadBlob } from '../../io/download';
import { textToBytes } from '../../sim/net/pcapFile';

/** A file of the World as the browser downloads it: a pcap byte for byte, text as UTF-8. */
export function downloadWorldFile(path: string, text: string, binary: boolean): void {
  const name = path.slice(path.lastIndexOf('/') + 1) || 'file';
  if (binary || name.endsWith('.pcap')) {
    downloadBlob(name, textToBytes(text) as Uint8Array<ArrayBuffer>, 'application/vnd.tcpdump.pcap');
  } else downloadBlob(name, text, 'text/plain');
}

export { isBinaryText as isBinary } from '../../sim/fs';
