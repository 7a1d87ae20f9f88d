namespace FeedbackBot.Core.Sampling;

/// <summary>Respondent fatigue: nobody is invited to a plan more often than the plan allows.</summary>
public static class InvitationFatigue
{
    /// <summary>
    /// Whether a person may be invited in a cycle opening on <paramref name="opening"/>: never invited, or last invited
    /// at least <paramref name="minDaysBetweenInvitations"/> whole days before it. Exactly that many days ago is eligible,
    /// so a weekly plan with a 7-day gap invites the same person every week. An invitation dated after the opening
    /// (a later cycle already drawn) is not eligible.
    /// </summary>
    /// <param name="lastInvited">When the person was last invited to this plan, or null if never.</param>
    /// <param name="opening">The cycle's opening date.</param>
    /// <param name="minDaysBetweenInvitations">The plan's minimum gap in days; zero or more.</param>
    /// <exception cref="ArgumentOutOfRangeException">The gap is negative.</exception>
    public static bool IsEligible(DateOnly? lastInvited, DateOnly opening, int minDaysBetweenInvitations)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(minDaysBetweenInvitations);
        if (lastInvited is not { } last)
        {
            return true;
        }

        var daysSince = opening.DayNumber - last.DayNumber;
        return daysSince >= 0 && daysSince >= minDaysBetweenInvitations;
    }
}
