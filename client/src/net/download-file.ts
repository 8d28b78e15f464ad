import { saveBlob } from './file-api.ts';

/** Saves text as a file through the browser's download, without a round trip. */
export function downloadFile(filename: string, text: string, type: string): void {
  saveBlob(filename, new Blob([text], { type }));
}
