/** Offers `data` as a file download (a blob URL: no inline script, allowed by the CSP). */
export function downloadBlob(filename: string, data: BlobPart, type: string): void {
  const url = URL.createObjectURL(new Blob([data], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Offers `text` as a file download. */
export function downloadText(filename: string, text: string, type = 'application/json'): void {
  downloadBlob(filename, text, type);
}
