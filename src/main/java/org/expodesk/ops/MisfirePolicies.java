package org.expodesk.ops;

import org.quartz.CronTrigger;
import org.quartz.SimpleTrigger;
import org.quartz.Trigger;

/** A trigger's misfire instruction, named as in {@code quarkus.quartz.misfire-policy."<identity>"}. */
final class MisfirePolicies {

    private MisfirePolicies() {
    }

    static String name(Trigger trigger) {
        int instruction = trigger.getMisfireInstruction();
        if (instruction == Trigger.MISFIRE_INSTRUCTION_SMART_POLICY) {
            return "smart-policy";
        }
        if (instruction == Trigger.MISFIRE_INSTRUCTION_IGNORE_MISFIRE_POLICY) {
            return "ignore-misfire-policy";
        }
        if (trigger instanceof CronTrigger) {
            return switch (instruction) {
                case CronTrigger.MISFIRE_INSTRUCTION_FIRE_ONCE_NOW -> "fire-now";
                case CronTrigger.MISFIRE_INSTRUCTION_DO_NOTHING -> "cron-trigger-do-nothing";
                default -> String.valueOf(instruction);
            };
        }
        if (trigger instanceof SimpleTrigger) {
            return switch (instruction) {
                case SimpleTrigger.MISFIRE_INSTRUCTION_FIRE_NOW -> "fire-now";
                case SimpleTrigger.MISFIRE_INSTRUCTION_RESCHEDULE_NOW_WITH_EXISTING_REPEAT_COUNT ->
                        "simple-trigger-reschedule-now-with-existing-repeat-count";
                case SimpleTrigger.MISFIRE_INSTRUCTION_RESCHEDULE_NOW_WITH_REMAINING_REPEAT_COUNT ->
                        "simple-trigger-reschedule-now-with-remaining-repeat-count";
                case SimpleTrigger.MISFIRE_INSTRUCTION_RESCHEDULE_NEXT_WITH_REMAINING_COUNT ->
                        "simple-trigger-reschedule-next-with-remaining-count";
                case SimpleTrigger.MISFIRE_INSTRUCTION_RESCHEDULE_NEXT_WITH_EXISTING_COUNT ->
                        "simple-trigger-reschedule-next-with-existing-count";
                default -> String.valueOf(instruction);
            };
        }
        return String.valueOf(instruction);
    }
}
