using FeedbackBot.Core.Plans;

namespace FeedbackBot.Core.Scorecards;

/// <summary>
/// The spellings of <see cref="InteractionChannel"/> that files and requests use (<c>phone</c>, <c>email</c>, <c>chat</c>,
/// <c>face_to_face</c>, <c>social</c>, <c>other</c>): one list for the plan, the imports and the helpdesk trigger.
/// </summary>
public static class InteractionChannels
{
    /// <summary>Every channel's name, in the order the docs list them.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. PlanVocabulary.InteractionChannels.Names];

    /// <summary>The channel's name as files spell it, such as <c>face_to_face</c>.</summary>
    public static string NameOf(InteractionChannel channel) => PlanVocabulary.InteractionChannels.NameOf(channel);

    /// <summary>The channel a stored or written name stands for; false for a name no channel has.</summary>
    public static bool TryParse(string name, out InteractionChannel channel) =>
        PlanVocabulary.InteractionChannels.TryGet(name, out channel);
}
