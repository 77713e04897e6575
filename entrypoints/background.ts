export default defineBackground(() => {
  console.debug('TermLens background started');
});
