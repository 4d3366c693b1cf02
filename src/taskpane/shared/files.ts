/**
 * Files in and out of the pane. A download is a Blob behind an anchor with `download`:
 * that works in Excel on the web and in WebView2 (Windows); where a host's web view
 * ignores it, "Copy to clipboard" is the way out. Files chosen by the user are read
 * here, in the pane: nothing is uploaded.
 */
export function downloadText(fileName: string, text: string, type = "application/json"): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement("a");
  a.href = url;
  a.download = fileName;
  a.rel = "noopener";
  document.body.appendChild(a);
  try {
    a.click();
  } finally {
    a.remove();
    // Revoked after the click has been handled, not before the download starts.
    window.setTimeout(() => URL.revokeObjectURL(url), 1000);
  }
}

/** FileReader rather than Blob.text(): every web view an Office host uses has it. */
export function readAsText(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result ?? ""));
    reader.onerror = () => reject(reader.error ?? new Error("unreadable"));
    reader.readAsText(blob);
  });
}

/** The bytes of a chosen file (an .xlsx to compare with). */
export function readAsBytes(blob: Blob): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error ?? new Error("unreadable"));
    reader.readAsArrayBuffer(blob);
  });
}

/** Put text on the clipboard; false where the host does not allow it (the caller shows the text instead). */
export async function copyText(text: string): Promise<boolean> {
  try {
    if (!navigator.clipboard?.writeText) return false;
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}
