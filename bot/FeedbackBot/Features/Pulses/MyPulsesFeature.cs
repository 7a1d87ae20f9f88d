using FeedbackBot.Conversations;
using FeedbackBot.Core.Conversations;

namespace FeedbackBot.Features.Pulses;

/// <summary>
/// <c>my pulses</c> (or <c>pending</c>): every open pulse the person has not answered, as its card, in whichever
/// conversation they ask from. A card sent here is the same survey as the one sent before: answering either stores
/// one response, and the other then says thank you.
/// </summary>
internal sealed class MyPulsesFeature(OpenPulses openPulses)
{
    public const string NoneOpen = "You have no open pulses.";

    public async Task<ConversationTurn> ListAsync(ConversationParty party, DateTime now, CancellationToken cancellationToken)
    {
        var pulses = await openPulses.ForAsync(party, now, cancellationToken);
        if (pulses.Count == 0)
        {
            return ConversationTurn.Reply(new TextReply(NoneOpen));
        }

        var intro = new TextReply(pulses.Count == 1
            ? "You have **1** open pulse to answer:"
            : $"You have **{pulses.Count}** open pulses to answer:");
        return new ConversationTurn([intro, .. pulses], ReplacesCard: false);
    }
}
