using FeedbackBot.Conversations;
using FeedbackBot.Core.Analysis;
using FeedbackBot.Core.Conversations;
using FeedbackBot.Core.Serialization;
using FeedbackBot.Data;
using FeedbackBot.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace FeedbackBot.Features.FeedbackLog;

/// <summary>
/// <c>log feedback &lt;text&gt;</c>: staff record what a customer told them. A small card asks which service feature
/// it concerns and whether it was praise or a complaint; it then counts as evidence in the next review.
/// </summary>
internal sealed class LogFeedbackFeature(FeedbackDbContext db)
{
    public const string Praise = "praise";
    public const string Complaint = "complaint";

    public static FeedbackPrompt Prompt(ConversationParty party, string text, IReadOnlyList<string> features) =>
        new(Guid.NewGuid().ToString("N"), text.Length <= AnswerValues.MaxTextLength ? text : text[..AnswerValues.MaxTextLength], features, null);

    /// <summary>The service features of the tenant's plans, to choose from.</summary>
    public async Task<IReadOnlyList<string>> FeaturesAsync(ConversationParty party, CancellationToken cancellationToken)
    {
        var definitions = await (from p in db.Plans
                                 join v in db.PlanVersions on new { PlanId = p.Id, Number = p.CurrentVersion } equals new { v.PlanId, v.Number }
                                 where p.TenantId == party.Tenant.Id
                                 select v.Definition).ToListAsync(cancellationToken);
        var features = definitions.SelectMany(d => PlanJson.Deserialize(d).Features).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        return features.Count > 0 ? features : ["general"];
    }

    public async Task<ConversationTurn> SubmitAsync(ConversationParty party, BotSubmission submission, DateTime now, CancellationToken cancellationToken)
    {
        var card = submission.Values.GetValueOrDefault(Verbs.CardField);
        var text = submission.Values.GetValueOrDefault(Verbs.TextField)?.Trim() ?? string.Empty;
        var feature = submission.Values.GetValueOrDefault(Verbs.FeatureInput)?.Trim() ?? string.Empty;
        var kind = submission.Values.GetValueOrDefault(Verbs.KindInput)?.Trim().ToLowerInvariant() ?? string.Empty;
        if (string.IsNullOrEmpty(card) || card.Length > 64 || text.Length == 0 || text.Length > AnswerValues.MaxTextLength)
        {
            return ConversationTurn.ReplaceCard(new TextReply("This feedback card is not valid any more. Type **log feedback** and the text again."));
        }

        var key = "card:" + card;
        if (await db.FeedbackEntries.AnyAsync(f => f.TenantId == party.Tenant.Id && f.IdempotencyKey == key, cancellationToken))
        {
            var stored = await db.FeedbackEntries.FirstAsync(f => f.TenantId == party.Tenant.Id && f.IdempotencyKey == key, cancellationToken);
            return ConversationTurn.ReplaceCard(new FeedbackThanks(stored.Text, stored.Feature, stored.Kind));
        }

        var features = await FeaturesAsync(party, cancellationToken);
        if (!features.Contains(feature) || kind is not (Praise or Complaint))
        {
            var error = !features.Contains(feature) ? "Choose the service feature it concerns." : "Choose praise or complaint.";
            return ConversationTurn.ReplaceCard(new FeedbackPrompt(card, text, features, error));
        }

        db.FeedbackEntries.Add(new FeedbackEntry
        {
            Id = Guid.NewGuid(),
            TenantId = party.Tenant.Id,
            Feature = feature,
            Kind = kind,
            Text = text,
            ReceivedAt = now,
            IdempotencyKey = key,
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Two deliveries at once: the unique key let one store it; anything else is a real failure.
            db.ChangeTracker.Clear();
            if (!await db.FeedbackEntries.AnyAsync(f => f.TenantId == party.Tenant.Id && f.IdempotencyKey == key, cancellationToken))
            {
                throw;
            }
        }

        return ConversationTurn.ReplaceCard(new FeedbackThanks(text, feature, kind));
    }
}
