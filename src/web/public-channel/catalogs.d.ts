/** A locale file reduced to the residents' page's messages (see catalog-subset.ts). */
declare module "*.json?public-channel" {
  const catalog: Readonly<Record<string, string>>;
  export default catalog;
}
