package org.expodesk.checkin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.expodesk.badge.Badges;

import java.util.List;
import java.util.Set;

/** Who came: the holders of the badges admitted at least once at an edition, online or uploaded later. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class Attendance {

    @Inject
    Badges badges;

    public Set<Long> admittedPeople(long exhibitionId) {
        List<Long> badgeIds = CheckinScan.getEntityManager().createQuery("select distinct s.badgeId from CheckinScan s "
                        + "where s.exhibitionId = ?1 and s.result = ?2 and s.badgeId is not null", Long.class)
                .setParameter(1, exhibitionId).setParameter(2, CheckinRules.Result.ADMITTED).getResultList();
        return badges.holdersOf(badgeIds);
    }
}
