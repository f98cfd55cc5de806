import type { CodegenConfig } from '@graphql-codegen/cli';

/** Typed documents for the tests, the CLI and the dashboard, generated from the checked-in schema.graphql. */
const config: CodegenConfig = {
  schema: 'schema.graphql',
  documents: ['src/cli/**/*.ts', 'src/dashboard/**/*.ts', 'tests/**/*.ts', '!src/gql/**'],
  ignoreNoDocuments: true,
  emitLegacyCommonJSImports: false,
  generates: {
    'src/gql/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        scalars: { DateTime: 'string', JSON: 'unknown', ID: 'string', SafeInt: 'number' },
      },
    },
  },
};

export default config;
