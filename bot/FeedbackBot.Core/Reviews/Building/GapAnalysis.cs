using System.Globalization;
using FeedbackBot.Core.Analysis.Statistics;
using FeedbackBot.Core.Analysis.Text;
using FeedbackBot.Core.Plans;

namespace FeedbackBot.Core.Reviews.Building;

/// <summary>Finds where two sources disagree about the same service feature.</summary>
public static class GapAnalysis
{
    /// <summary>
    /// Staff perception against customer rating of each feature: the share of 4–5 answers on the five-point questions
    /// (rating5 or agree5) measuring it, from this plan and its companions, compared with a two-proportion z test. A
    /// staff statement rated on agreement and a customer rating of the same feature are both "favourable or not".
    /// </summary>
    public static IReadOnlyList<Gap> StaffVersusCustomer(ReviewInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var pooled = TopBox(input);
        var minimum = input.Plan.MinimumGroupSize;
        var gaps = new List<Gap>();
        foreach (var feature in pooled.Keys.Select(k => k.Feature).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            if (!pooled.TryGetValue((feature, Audience.Customer), out var customers)
                || !pooled.TryGetValue((feature, Audience.Staff), out var staff)
                || customers.N < minimum
                || staff.N < minimum)
            {
                continue;
            }

            var customerShare = 100.0 * customers.Top / customers.N;
            var staffShare = 100.0 * staff.Top / staff.N;
            var difference = customerShare - staffShare;
            var test = Proportions.Compare(customers.Top, customers.N, staff.Top, staff.N);
            if (Math.Abs(difference) < input.Rules.StaffCustomerGapPoints || test.PValue >= input.Rules.Alpha)
            {
                continue;
            }

            var direction = difference < 0 ? "more favourably than customers do" : "less favourably than customers do";
            gaps.Add(new Gap(
                "staff_vs_customer",
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"Staff rate {Words(feature)} {direction}: {staffShare:0.0}% of staff against {customerShare:0.0}% of customers give 4 or 5."),
                feature,
                Share($"customer_rating:{feature}", customerShare, customers.N, $"Customers rating {Words(feature)} 4 or 5"),
                Share($"staff_rating:{feature}", staffShare, staff.N, $"Staff rating {Words(feature)} 4 or 5"),
                Rounding.Percent(difference),
                Rounding.PValue(test.PValue)));
        }

        return gaps;
    }

    /// <summary>
    /// How many answered 4 or 5 of how many answered 1 to 5, per feature and audience, pooled over the five-point
    /// questions (rating5 or agree5) measuring the feature in this plan and its companions.
    /// </summary>
    public static IReadOnlyDictionary<(string Feature, Audience Audience), (long Top, long N)> TopBox(ReviewInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var pooled = new Dictionary<(string Feature, Audience Audience), (long Top, long N)>();
        foreach (var (plan, tallies) in new[] { (input.Plan, input.Current) }.Concat(input.Companions.Select(c => (c.Plan, c.Tallies))))
        {
            foreach (var question in plan.Questions.Where(q => q.Type is QuestionType.Rating5 or QuestionType.Agree5 && q.Feature is not null))
            {
                if (!tallies.Questions.TryGetValue(question.Id, out var tally))
                {
                    continue;
                }

                var key = (question.Feature!, question.Audience);
                var (top, n) = pooled.GetValueOrDefault(key);
                pooled[key] = (top + tally.CountOf("4") + tally.CountOf("5"), n + Enumerable.Range(1, 5).Sum(v => tally.CountOf(v.ToString(CultureInfo.InvariantCulture))));
            }
        }

        return pooled;
    }

    /// <summary>
    /// Complaint themes against survey themes: a theme whose share of complaints differs from its share of survey
    /// comments by the rules' threshold, significantly, is a gap between what customers complain about and what surveys hear.
    /// </summary>
    public static IReadOnlyList<Gap> ComplaintsVersusSurvey(
        ThemeCounts counts, ThemeReport report, int complaints, long surveyComments, int minimumGroupSize, ReviewRules rules)
    {
        ArgumentNullException.ThrowIfNull(counts);
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(rules);
        if (complaints < minimumGroupSize || surveyComments < minimumGroupSize)
        {
            return [];
        }

        var gaps = new List<Gap>();
        foreach (var item in report.Items.Where(i => !i.Suppressed))
        {
            if (!counts.Themes.TryGetValue(item.Id, out var theme))
            {
                continue;
            }

            long inComplaints = theme.BySource.GetValueOrDefault(SourceNames.Complaint);
            long inSurvey = theme.BySource.GetValueOrDefault(SourceNames.Survey);
            var complaintShare = 100.0 * inComplaints / complaints;
            var surveyShare = 100.0 * inSurvey / surveyComments;
            var difference = complaintShare - surveyShare;
            var test = Proportions.Compare(inComplaints, complaints, inSurvey, surveyComments);
            if (Math.Abs(difference) < rules.ThemeShareGapPoints || test.PValue >= rules.Alpha)
            {
                continue;
            }

            var where = difference > 0 ? "complaints than in survey comments" : "survey comments than in complaints";
            gaps.Add(new Gap(
                "complaints_vs_survey",
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"{item.Label} is raised far more in {where}: {complaintShare:0.0}% of complaints against {surveyShare:0.0}% of survey comments."),
                item.Feature ?? item.Id,
                Share($"complaints_theme:{item.Id}", complaintShare, complaints, $"Complaints about {Lower(item.Label)}", item.Quotes),
                Share($"survey_theme:{item.Id}", surveyShare, surveyComments, $"Survey comments about {Lower(item.Label)}", []),
                Rounding.Percent(difference),
                Rounding.PValue(test.PValue)));
        }

        return gaps;
    }

    internal static Evidence Share(string metric, double percent, long n, string label, IReadOnlyList<string>? quotes = null) =>
        new(metric, Rounding.Percent(percent), null, n, null, null, null, null, [.. (quotes ?? []).Take(3)], label);

    internal static string Words(string id) => id.Replace('_', ' ');

    // Labels are capitalised to head a list; inside a sentence only an acronym keeps its capitals.
    private static string Lower(string label) =>
        label.Length > 1 && char.IsUpper(label[0]) && !char.IsUpper(label[1]) ? char.ToLowerInvariant(label[0]) + label[1..] : label;
}
