// Modules made by scripts/vite-plugin-catalogues.mjs from locales/*.toml.
declare module 'virtual:catalogue/en' {
  const messages: import('./catalog').Messages;
  export default messages;
}
declare module 'virtual:catalogue/ja' {
  const messages: import('./catalog').Messages;
  export default messages;
}
declare module 'virtual:catalogue/hi' {
  const messages: import('./catalog').Messages;
  export default messages;
}
declare module 'virtual:catalogue/en/later' {
  const messages: import('./catalog').Messages;
  export default messages;
}
declare module 'virtual:catalogue/ja/later' {
  const messages: import('./catalog').Messages;
  export default messages;
}
declare module 'virtual:catalogue/hi/later' {
  const messages: import('./catalog').Messages;
  export default messages;
}
declare module 'virtual:endonyms' {
  const names: Record<import('./catalog').Lang, string>;
  export default names;
}
