import type { ParsedRequestOf, ResponseOf } from '../../shared/ipc/contract';
import type { ClaimsRepository } from '../db/repositories/claims-repository';

export function listWerkvoorraad(
  claims: ClaimsRepository,
  request: ParsedRequestOf<'werkvoorraad.list'>,
): ResponseOf<'werkvoorraad.list'> {
  return claims.listPage(request);
}
