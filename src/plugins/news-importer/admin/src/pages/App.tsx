import { Page } from '@strapi/strapi/admin';
import { IMPORT_PERMISSIONS } from '../pluginId';
import { ImportPage } from './ImportPage';

/** The plugin's page; admins without the import permission get Strapi's "no permissions" page. */
const App = () => (
  <Page.Protect permissions={IMPORT_PERMISSIONS}>
    <ImportPage />
  </Page.Protect>
);

export default App;
