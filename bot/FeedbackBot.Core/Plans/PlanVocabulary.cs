using FeedbackBot.Core.Scorecards;
using FeedbackBot.Core.Text;

namespace FeedbackBot.Core.Plans;

/// <summary>The snake_case names plan files use; they are part of the file format, so they never follow renames in code.</summary>
internal static class PlanVocabulary
{
    public static Vocabulary<Audience> Audiences { get; } = new(
        ("customer", Audience.Customer),
        ("staff", Audience.Staff));

    public static Vocabulary<CollectionMethod> Methods { get; } = new(
        ("survey", CollectionMethod.Survey),
        ("web_link", CollectionMethod.WebLink),
        ("informal_feedback", CollectionMethod.InformalFeedback),
        ("complaints", CollectionMethod.Complaints),
        ("operational_data", CollectionMethod.OperationalData),
        ("observation", CollectionMethod.Observation));

    public static Vocabulary<QuestionType> QuestionTypes { get; } = new(
        ("rating5", QuestionType.Rating5),
        ("agree5", QuestionType.Agree5),
        ("nps", QuestionType.Nps),
        ("effort7", QuestionType.Effort7),
        ("yesno", QuestionType.YesNo),
        ("choice", QuestionType.Choice),
        ("multichoice", QuestionType.MultiChoice),
        ("text", QuestionType.Text));

    /// <summary>The computed metrics; any other valid name is an imported operational metric.</summary>
    public static Vocabulary<KpiMetric> ComputedMetrics { get; } = new(
        ("csat", KpiMetric.Csat),
        ("agree", KpiMetric.Agree),
        ("nps", KpiMetric.Nps),
        ("ces", KpiMetric.Ces),
        ("fcr", KpiMetric.Fcr),
        ("mean", KpiMetric.Mean),
        ("response_rate", KpiMetric.ResponseRate));

    public static Vocabulary<KpiDirection> Directions { get; } = new(
        ("higher", KpiDirection.Higher),
        ("lower", KpiDirection.Lower));

    public static Vocabulary<ChatChannel> Channels { get; } = new(
        ("teams", ChatChannel.Teams),
        ("slack", ChatChannel.Slack));

    public static Vocabulary<SampleMethod> SampleMethods { get; } = new(
        ("everyone", SampleMethod.Everyone),
        ("stratified", SampleMethod.Stratified));

    public static Vocabulary<InteractionChannel> InteractionChannels { get; } = new(
        ("phone", InteractionChannel.Phone),
        ("email", InteractionChannel.Email),
        ("chat", InteractionChannel.Chat),
        ("face_to_face", InteractionChannel.FaceToFace),
        ("social", InteractionChannel.Social),
        ("other", InteractionChannel.Other));

    public static Vocabulary<CriterionScale> CriterionScales { get; } = new(
        ("yesno", CriterionScale.YesNo),
        ("rating5", CriterionScale.Rating5));

    /// <summary>
    /// "did you mean 'x'? " (with its trailing space) for a name close to one of <paramref name="names"/>, or empty:
    /// written between an error's "unknown ..." and its "expected one of ...".
    /// </summary>
    public static string DidYouMean(string typed, IEnumerable<string> names) =>
        Suggestion.Closest(typed, names) is { } closest ? $"did you mean '{closest}'? " : "";

    /// <summary>A name with "a" or "an" before it, as the name is read aloud: "an nps", "a csat".</summary>
    public static string WithArticle(string name) =>
        (name is "nps" or "fcr" || name.StartsWith('e') || name.StartsWith('a') ? "an " : "a ") + name;
}
