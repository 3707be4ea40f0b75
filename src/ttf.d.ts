/** Fonts are bundled as binary data on Workers (wrangler.toml [[rules]] type "Data"). */
declare module '*.ttf' {
  const data: ArrayBuffer;
  export default data;
}
