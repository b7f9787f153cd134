export default {
  admin: { type: 'admin', routes: [] },
  'content-api': { type: 'content-api', routes: [] },
};
