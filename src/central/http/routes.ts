import type { z } from 'zod';
import { text } from '../../shared/validation/text';
import { sessionUser } from '../../shared/ipc/contract';
import {
  apiErrorBody,
  loginRequest,
  logoutResponse,
  pullHeaderNames,
  pullQuery,
  pullResponse,
  pushRequest,
  pushResponse,
  refreshRequest,
  tokenResponse,
} from '../../shared/api/wire';
import { auditFilter, auditPage } from '../../shared/api/audit';
import { victimContact, victimContactQuery } from '../../shared/api/victims';
import { claimsBatch, intakeResult, paymentsBatch } from '../../shared/api/intake';
import { loketDocumentContent, loketRequest, loketResult } from '../../shared/api/loket';
import {
  parameterSetDecision,
  parameterSetList,
  parameterSetProposal,
  parameterSetRecord,
} from '../../shared/api/parameters';

/**
 * The central API's routes as data: method, path, schemas and a summary. The Fastify app and the
 * OpenAPI document are both built from this list, so they cannot drift apart.
 */
export interface RouteSpec {
  method: 'GET' | 'POST';
  path: string;
  summary: string;
  auth: boolean;
  body?: z.ZodType;
  query?: z.ZodType;
  response: z.ZodType;
  /** Headers a successful answer carries, with what they mean (all strings). */
  responseHeaders?: Record<string, string>;
}

export const routes = {
  login: {
    method: 'POST',
    path: '/api/v1/auth/login',
    summary: 'Aanmelden met gebruikersnaam en wachtwoord',
    auth: false,
    body: loginRequest,
    response: tokenResponse,
  },
  refresh: {
    method: 'POST',
    path: '/api/v1/auth/refresh',
    summary: 'Nieuw toegangstoken met een verversingstoken (het oude vervalt)',
    auth: false,
    body: refreshRequest,
    response: tokenResponse,
  },
  logout: {
    method: 'POST',
    path: '/api/v1/auth/logout',
    summary: 'Afmelden met het verversingstoken: de sessie eindigt op de server; haar tokens werken niet meer',
    auth: false,
    body: refreshRequest,
    response: logoutResponse,
  },
  me: {
    method: 'GET',
    path: '/api/v1/me',
    summary: 'De aangemelde gebruiker',
    auth: true,
    response: sessionUser,
  },
  feedEvents: {
    method: 'GET',
    path: '/api/v1/sync/events',
    summary:
      'Server-sent events: "moved" zodra de wijzigingen van de gebruiker verder zijn; de desktop haalt ze dan op (geen gegevens in het bericht)',
    auth: true,
    response: text(),
  },
  pull: {
    method: 'GET',
    path: '/api/v1/sync/changes',
    summary: 'Wijzigingen na een cursor, in commit-volgorde, beperkt tot wat de gebruiker mag zien',
    auth: true,
    query: pullQuery,
    response: pullResponse,
    responseHeaders: {
      [pullHeaderNames.nextCursor]: 'Gelijk aan nextCursor in de body: de volgende pagina kan al worden opgevraagd.',
      [pullHeaderNames.hasMore]: 'Gelijk aan hasMore in de body: true of false.',
    },
  },
  victimContact: {
    method: 'GET',
    path: '/api/v1/victims/:victimId/contact',
    summary: 'Contactgegevens van één slachtoffer; alleen voor slachtofferinformatie, met een reden die wordt gelogd',
    auth: true,
    query: victimContactQuery,
    response: victimContact,
  },
  auditLog: {
    method: 'GET',
    path: '/api/v1/audit',
    summary: 'Het auditlog, nieuwste eerst; alleen voor functioneel beheer, en elke inzage wordt zelf gelogd',
    auth: true,
    query: auditFilter,
    response: auditPage,
  },
  push: {
    method: 'POST',
    path: '/api/v1/sync/commands',
    summary: 'Opdrachten precies één keer toepassen; elk krijgt applied, rejected, conflict of gap',
    auth: true,
    body: pushRequest,
    response: pushResponse,
  },
  intakeClaims: {
    method: 'POST',
    path: '/api/v1/intake/claims',
    summary:
      'Bronsysteem of partner (CAK, DUO, UWV, RVO, NVWA; alleen de eigen soort vordering): een partij nieuwe vorderingen (hoogstens 250); dezelfde partij nogmaals verandert niets',
    auth: true,
    body: claimsBatch,
    response: intakeResult,
  },
  intakePayments: {
    method: 'POST',
    path: '/api/v1/intake/payments',
    summary:
      'Bronsysteem: een partij betalingen uit het betaalbestand (hoogstens 500); dezelfde partij nogmaals verandert niets',
    auth: true,
    body: paymentsBatch,
    response: intakeResult,
  },
  loketRequest: {
    method: 'POST',
    path: '/api/v1/loket/betalingsregeling',
    summary:
      'Digitaal Loket: een aanvraag voor een betalingsregeling (verklaard huishouden en inkomen, tot 4 PDF- of JPEG-bestanden van hoogstens 5 MB); een standaardaanvraag die de regels toestaan wordt direct besloten, de rest wordt een taak; dezelfde aanvraag nogmaals verandert niets',
    auth: true,
    body: loketRequest,
    response: loketResult,
  },
  loketDocument: {
    method: 'GET',
    path: '/api/v1/loket/requests/:requestId/documents/:number',
    summary:
      'Eén bestand bij een aanvraag uit het Digitaal Loket, voor het team van de persoon; elke inzage wordt gelogd',
    auth: true,
    response: loketDocumentContent,
  },
  parameterSets: {
    method: 'GET',
    path: '/api/v1/parameters',
    summary:
      'Alle parametersets (voorgesteld, goedgekeurd, afgewezen); alleen voor functioneel beheer, elke inzage wordt gelogd',
    auth: true,
    response: parameterSetList,
  },
  proposeParameterSet: {
    method: 'POST',
    path: '/api/v1/parameters',
    summary: 'Functioneel beheer: een nieuwe gedateerde parameterset voorstellen; een tweede beheerder beslist',
    auth: true,
    body: parameterSetProposal,
    response: parameterSetRecord,
  },
  decideParameterSet: {
    method: 'POST',
    path: '/api/v1/parameters/:id/decision',
    summary:
      'Functioneel beheer: een voorgestelde parameterset goedkeuren of afwijzen (niet door wie haar voorstelde); goedgekeurd gaat zij naar alle werkplekken',
    auth: true,
    body: parameterSetDecision,
    response: parameterSetRecord,
  },
} as const satisfies Record<string, RouteSpec>;

export const errorBody = apiErrorBody;
