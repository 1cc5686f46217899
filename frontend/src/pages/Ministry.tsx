// Where ministry viewers land (/ministry): the goal dashboard (issue #5),
// which administrators may read too.
export { default } from './dashboard/Dashboard';
