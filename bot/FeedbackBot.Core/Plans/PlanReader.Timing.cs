namespace FeedbackBot.Core.Plans;

/// <summary>Reads when cycles open (schedule) and how people are reminded (reminders).</summary>
internal sealed partial class PlanReader
{
    private const int MaxReminders = 10;
    private static readonly TimeSpan MinCycleLength = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan MaxCycleLength = TimeSpan.FromDays(366);

    private static readonly string[] ScheduleFields = ["cron", "time_zone"];
    private static readonly string[] ReminderFields = ["count", "every"];

    private PlanSchedule? ReadSchedule(FieldMap plan)
    {
        if (plan.Optional("schedule") is not { } node || _values.Mapping(node, plan.PathOf("schedule")) is not { } mapping)
        {
            return null;
        }

        var fields = new FieldMap(mapping, plan.PathOf("schedule"), _errors, ScheduleFields);
        string? cron = null;
        if (fields.Required("cron", "expected a five-field cron expression in quotes, such as \"0 9 * * 1\" for 09:00 every Monday") is { } cronNode
            && _values.String(cronNode, fields.PathOf("cron")) is { } expression)
        {
            if (CronSchedule.TryParse(expression, out _, out var error))
            {
                cron = expression;
            }
            else
            {
                _errors.Add(cronNode, fields.PathOf("cron"), error);
            }
        }

        string? timeZone = null;
        if (fields.Required("time_zone", "expected an IANA time zone id, such as Europe/London") is { } zoneNode
            && _values.Text(zoneNode, fields.PathOf("time_zone")) is { } zone)
        {
            if (options.TimeZoneExists(zone))
            {
                timeZone = zone;
            }
            else
            {
                _errors.Add(zoneNode, fields.PathOf("time_zone"),
                    $"unknown time zone '{zone}'; expected an IANA time zone id, such as Europe/London or America/New_York");
            }
        }

        return cron is null || timeZone is null ? null : new PlanSchedule(cron, timeZone);
    }

    /// <summary>
    /// <c>cycle_length</c>, a duration such as 30m, 6h or 5d, in place of <c>cycle_days</c> when a cycle should not
    /// last whole days (a trial run, a pulse open for a morning). Not both.
    /// </summary>
    private (TimeSpan? Length, bool Valid) ReadCycleLength(FieldMap plan)
    {
        if (plan.Optional("cycle_length") is not { } node)
        {
            return (null, true);
        }

        if (plan.KeyOf("cycle_days") is not null)
        {
            _errors.Add(node, plan.PathOf("cycle_length"), "give either cycle_days or cycle_length, not both");
            return (null, false);
        }

        if (_values.String(node, plan.PathOf("cycle_length")) is not { } text)
        {
            return (null, false);
        }

        if (!ReminderInterval.TryParse(text, out var length, out var error))
        {
            _errors.Add(node, plan.PathOf("cycle_length"), error);
            return (null, false);
        }

        if (length < MinCycleLength || length > MaxCycleLength)
        {
            _errors.Add(node, plan.PathOf("cycle_length"), "a cycle lasts from 5m to 366d");
            return (null, false);
        }

        return (length, true);
    }

    private ReminderPlan? ReadReminders(FieldMap plan)
    {
        if (plan.Optional("reminders") is not { } node)
        {
            return ReminderPlan.None;
        }

        if (_values.Mapping(node, plan.PathOf("reminders")) is not { } mapping)
        {
            return null;
        }

        var fields = new FieldMap(mapping, plan.PathOf("reminders"), _errors, ReminderFields);
        var count = fields.Required("count", $"expected how many reminders to send, from 0 to {MaxReminders}") is { } countNode
            ? _values.Integer(countNode, fields.PathOf("count"), 0, MaxReminders)
            : null;

        TimeSpan? every = null;
        var everyNode = count > 0
            ? fields.Required("every", $"expected the time between reminders, {ReminderInterval.Format}")
            : fields.Optional("every");
        if (everyNode is not null && _values.String(everyNode, fields.PathOf("every")) is { } text)
        {
            if (ReminderInterval.TryParse(text, out var interval, out var error))
            {
                every = interval;
            }
            else
            {
                _errors.Add(everyNode, fields.PathOf("every"), error);
            }
        }

        return count switch
        {
            null => null,
            // No reminders is one plan however 'every' is written, so an edit to it alone is no new version.
            0 => ReminderPlan.None,
            _ => every is { } gap ? new ReminderPlan(count.Value, gap) : null,
        };
    }
}
