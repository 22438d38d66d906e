import { effectiveRoles, maskPhone, permissionsOf, UserView } from '@jws/contracts';
import { UserEntity } from './data/user.entity';

/** The API shape of a user. The phone is always masked here; unmasked reads go through audited paths. */
export function toUserView(user: UserEntity, orgUnitName: string | null): UserView {
  const roles = effectiveRoles(user.role, user.isInformant);
  return {
    id: user.id,
    username: user.username,
    nickname: user.nickname,
    role: user.role,
    roles,
    permissions: [...permissionsOf(roles)],
    isInformant: user.isInformant,
    phone: maskPhone(user.phone),
    orgUnitId: user.orgUnitId,
    orgUnitName,
  };
}
