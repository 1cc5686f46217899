// Short names for the API's schemas (generated from docs/openapi.yaml).
import type { Schemas } from './client';

export type User = Schemas['User'];
/** AccountKind is the kind of an account (candidate, organisation member, ministry, administrator): the user's `role` on the wire. */
export type AccountKind = User['role'];
export type Role = Schemas['Role'];
export type RolePatch = Schemas['RolePatch'];
export type RoleCreateRequest = Schemas['RoleCreateRequest'];
export type RoleType = Schemas['RoleType'];
export type RoleStatus = Schemas['RoleStatus'];
export type Display = Schemas['Display'];
export type Organization = Schemas['Organization'];
export type OrganizationRequest = Schemas['OrganizationRequest'];
export type OwnProfile = Schemas['OwnProfile'];
export type ProfileRequest = Schemas['ProfileRequest'];
export type ApplicantProfile = Schemas['ApplicantProfile'];
export type Application = Schemas['Application'];
export type StageEvent = Schemas['StageEvent'];
export type Stage = Schemas['Stage'];
export type Placement = Schemas['Placement'];
export type Offer = Schemas['Offer'];
export type OfferRequest = Schemas['OfferRequest'];
export type VisaStatus = Schemas['VisaStatus'];
export type Prefecture = Schemas['Prefecture'];
export type JLPTLevel = Schemas['JLPTLevel'];
export type EnglishLevel = Schemas['EnglishLevel'];
export type Locale = Schemas['Locale'];
export type FieldProblem = Schemas['FieldProblem'];
export type BreakdownDimension = Schemas['BreakdownDimension'];
