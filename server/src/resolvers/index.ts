import type { Resolvers } from '../generated/graphql.js';
import { Approach } from './Approach.js';
import { Award } from './Award.js';
import { ApproachRating } from './ApproachRating.js';
import { Change } from './Change.js';
import { Country } from './Country.js';
import { FundingProgram } from './FundingProgram.js';
import { Municipality } from './Municipality.js';
import { Mutation } from './Mutation.js';
import { Network } from './Network.js';
import { Node } from './Node.js';
import { Organization } from './Organization.js';
import { Partnership } from './Partnership.js';
import { Person } from './Person.js';
import { Place } from './Place.js';
import { Project } from './Project.js';
import { Provenance } from './Provenance.js';
import { Query } from './Query.js';
import { Relation } from './Relation.js';
import { Sdg } from './Sdg.js';
import { Source } from './Source.js';
import { Stats } from './Stats.js';
import { Theme } from './Theme.js';
import { Viewer } from './Viewer.js';

/** One resolver map per schema type, each in the file named after it; types not listed here use the default resolvers. */
export const resolvers: Resolvers = {
  Query,
  Mutation,
  Node,
  Municipality,
  Organization,
  Network,
  FundingProgram,
  Project,
  Partnership,
  Approach,
  ApproachRating,
  Theme,
  Sdg,
  Country,
  Source,
  Person,
  Place,
  Award,
  Relation,
  Provenance,
  Stats,
  Change,
  Viewer,
};
