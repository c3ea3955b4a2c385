// Event definitions are contracts: they live in the contracts package, which the web imports too.
export { catalogOf, defineEvent, type EventCatalog, type EventDefinition, type PayloadOf } from '@heyblue/contracts/shared';
