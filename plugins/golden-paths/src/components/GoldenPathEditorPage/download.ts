/** Saves a text as a file through the browser's download, with no server. */
export function downloadText(
  text: string,
  fileName: string,
  type = 'application/yaml',
): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.appendChild(link);
  try {
    link.click();
  } finally {
    link.remove();
    // Some browsers start reading the blob after click() returns.
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }
}
