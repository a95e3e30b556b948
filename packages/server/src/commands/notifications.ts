import { DomainError } from '@hemonet/core';
import { assertActsAtSite } from '../auth/site-scope.js';
import type { AuthUser } from '../auth/user.js';
import { recordAudit } from '../db/repos/audit-repo.js';
import {
  acknowledgeNotification,
  getNotification,
  type Notification,
} from '../db/repos/notifications-repo.js';
import type { CommandDeps } from './deps.js';

/** A site acknowledges a notification addressed to it (lookback, adverse reaction). */
export const acknowledge = async (
  deps: CommandDeps,
  user: AuthUser,
  id: string,
): Promise<Notification> => {
  const found = await getNotification(deps.db, id);
  if (!found) throw new DomainError('NOTIFICATION_NOT_FOUND', `no notification ${id}`, { id });
  assertActsAtSite(user, found.siteId);
  const at = deps.clock();
  await deps.db.transaction(async (tx) => {
    await acknowledgeNotification(tx, id, at, user.username);
    await recordAudit(tx, {
      actor: user.username,
      siteId: user.siteId,
      action: 'NOTIFICATION_ACKNOWLEDGED',
      entity: 'notification',
      entityId: id,
      at,
    });
  });
  return (await getNotification(deps.db, id))!;
};
