/**
 * Whether a quiz JSON file carries embedded images (`data:` image URLs, as the JSON export
 * writes uploaded images): such a file goes to the server's import, which checks and stores
 * them, rather than straight to the library.
 */
export function carriesImages(doc: unknown): boolean {
  const questions = typeof doc === 'object' && doc !== null ? (doc as { questions?: unknown }).questions : undefined;
  if (!Array.isArray(questions)) return false;
  return questions.some((q) => {
    const url = typeof q === 'object' && q !== null ? (q as { imageUrl?: unknown }).imageUrl : undefined;
    return typeof url === 'string' && url.startsWith('data:');
  });
}
