package org.expodesk.exhibition;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class WorkingCalendarTest {

    // Opens Monday 2027-06-14, closes Thursday 06-17; build-up from Saturday 06-12; holiday Friday 06-04
    private final WorkingCalendar calendar = new WorkingCalendar(LocalDate.of(2027, 6, 14), LocalDate.of(2027, 6, 17),
            LocalDate.of(2027, 6, 12), LocalDate.of(2027, 6, 17), Set.of(LocalDate.of(2027, 6, 4)));

    @Test
    void weekendsAndHolidaysAreOffButOnSiteDaysCount() {
        assertThat(calendar.isWorkingDay(LocalDate.of(2027, 6, 5))).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2027, 6, 4))).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2027, 6, 3))).isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2027, 6, 12))).isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2027, 6, 13))).isTrue();
    }

    @Test
    void numbersRunOverWorkingDaysOnly() {
        int thursday = calendar.indexOnOrAfter(LocalDate.of(2027, 6, 3));
        assertThat(calendar.indexOnOrAfter(LocalDate.of(2027, 6, 4))).isEqualTo(thursday + 1);
        assertThat(calendar.day(thursday + 1)).isEqualTo(LocalDate.of(2027, 6, 7));
        assertThat(calendar.indexOnOrBefore(LocalDate.of(2027, 6, 6))).isEqualTo(thursday);
        assertThat(calendar.day(calendar.indexOnOrAfter(LocalDate.of(2027, 6, 12)))).isEqualTo(LocalDate.of(2027, 6, 12));
    }

    @Test
    void theNumberingGoesOnBeyondTheHorizon() {
        LocalDate far = LocalDate.of(2035, 1, 1);
        int index = calendar.indexOnOrAfter(far);
        assertThat(calendar.day(index)).isEqualTo(LocalDate.of(2035, 1, 1));
        LocalDate early = LocalDate.of(2020, 3, 2);
        assertThat(calendar.day(calendar.indexOnOrAfter(early))).isEqualTo(early);
    }
}
