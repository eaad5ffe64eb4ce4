// The Cytoscape extensions ship no type declarations; they are registered with cytoscape.use().
declare module 'cytoscape-fcose' {
  const ext: cytoscape.Ext;
  export default ext;
}
declare module '*.css';
