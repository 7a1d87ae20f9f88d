using FeedbackBot.Core.Conversations;
using FeedbackBot.Core.People;
using FeedbackBot.Data;
using FeedbackBot.Features.Actions;
using FeedbackBot.Features.Coaching;
using FeedbackBot.Features.FeedbackLog;
using FeedbackBot.Features.Plans;
using FeedbackBot.Features.Pulses;
using FeedbackBot.Features.Reviews;
using FeedbackBot.Features.Roles;
using FeedbackBot.Infrastructure.Telemetry;
using Microsoft.EntityFrameworkCore;

namespace FeedbackBot.Conversations;

/// <summary>
/// Answers one request from any channel: finds who is asking, then hands the command or submission to the
/// feature it belongs to. Channel adapters render what comes back.
/// </summary>
internal sealed class ConversationHandler(
    FeedbackDbContext db,
    TimeProvider clock,
    LatestReviewFeature latestReview,
    StartPulseFeature startPulse,
    AnswerSurveyFeature answerSurvey,
    LogFeedbackFeature logFeedback,
    SetRoleFeature setRole,
    PlanCommandsFeature planCommands,
    MyPulsesFeature myPulses,
    ScoreInteractionFeature scoreInteraction,
    RespondToEvaluationFeature respondToEvaluation,
    EvaluationsInChatFeature evaluationsInChat,
    UpdateCoachingActionFeature updateCoachingAction,
    AdoptInChatFeature adoptInChat,
    ActionsInChatFeature actionsInChat)
{
    /// <summary>
    /// A turn from a channel adapter: resolves the tenant and person once, remembering where they spoke, then answers.
    /// </summary>
    public async Task<ConversationTurn> HandleAsync(BotRequest request, ConversationPlace? place, PersonRole? role, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var span = StartTurn(request);
        try
        {
            var party = await ConversationParty.ResolveAsync(db, request, place, role, clock.GetUtcNow().UtcDateTime, cancellationToken);
            return await AnswerAsync(party, request, cancellationToken);
        }
        catch (Exception e) when (BotTelemetry.Failed(span, e))
        {
            throw;
        }
    }

    /// <summary>A turn of someone known, remembering no place.</summary>
    public Task<ConversationTurn> HandleAsync(BotRequest request, CancellationToken cancellationToken) =>
        HandleAsync(request, place: null, role: null, cancellationToken);

    /// <summary>A turn of a party the adapter has resolved already (it needed them before answering).</summary>
    public async Task<ConversationTurn> HandleAsync(ConversationParty party, BotRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(party);
        ArgumentNullException.ThrowIfNull(request);
        using var span = StartTurn(request);
        try
        {
            return await AnswerAsync(party, request, cancellationToken);
        }
        catch (Exception e) when (BotTelemetry.Failed(span, e))
        {
            throw;
        }
    }

    // A child of whatever carried the turn in (the platform's HTTP request, or nothing for a queued Slack event), so
    // one trace runs from the request through the database to the reply.
    private static System.Diagnostics.Activity? StartTurn(BotRequest request)
    {
        var span = BotTelemetry.Source.StartActivity("turn");
        if (span is { IsAllDataRequested: true })
        {
            span.SetTag("feedbackbot.channel", request.Channel.ToString().ToLowerInvariant());
            span.SetTag("feedbackbot.turn.kind", request.Submission is { } submission ? submission.Verb : "message");
        }

        return span;
    }

    private async Task<ConversationTurn> AnswerAsync(ConversationParty party, BotRequest request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (request.Submission is { } submission)
        {
            return submission.Verb switch
            {
                Verbs.SubmitSurvey => await answerSurvey.SubmitAsync(party, submission, now, cancellationToken),
                Verbs.OpenSurvey => await answerSurvey.OpenAsync(party, submission, now, cancellationToken),
                Verbs.SubmitFeedback => await logFeedback.SubmitAsync(party, submission, now, cancellationToken),
                Verbs.ScoreInteraction => await scoreInteraction.SubmitAsync(party, submission, now, cancellationToken),
                Verbs.OpenScorecard => await scoreInteraction.OpenAsync(party, submission, cancellationToken),
                Verbs.RespondToEvaluation => await respondToEvaluation.SubmitAsync(party, submission, now, cancellationToken),
                Verbs.OpenEvaluationResponse => await respondToEvaluation.OpenAsync(party, submission, cancellationToken),
                Verbs.UpdateCoachingAction => await updateCoachingAction.SubmitAsync(party, submission, now, cancellationToken),
                Verbs.OpenCoachingAction => await updateCoachingAction.OpenAsync(party, submission, cancellationToken),
                Verbs.AdoptRecommendation => await adoptInChat.SubmitAsync(party, submission, now, cancellationToken),
                Verbs.OpenAdoption => await adoptInChat.OpenAsync(party, submission, cancellationToken),
                Verbs.UpdateImprovementAction => await actionsInChat.SubmitAsync(party, submission, now, cancellationToken),
                Verbs.OpenImprovementActionUpdate => await actionsInChat.OpenAsync(party, submission, cancellationToken),
                _ => ConversationTurn.Reply(new TextReply("That card is no longer in use. Type **help** to see what I can do.")),
            };
        }

        return CommandParser.Parse(request.Text) switch
        {
            BotCommand.Help => ConversationTurn.Reply(HelpCatalog.For(party.Person.Role, await ExamplePlanAsync(party, cancellationToken))),
            BotCommand.MyPulses => await myPulses.ListAsync(party, now, cancellationToken),
            BotCommand.LatestReview command => ConversationTurn.Reply(await latestReview.AnswerAsync(party, command.Plan, cancellationToken)),
            BotCommand.StartPulse command => ConversationTurn.Reply(await startPulse.StartAsync(party, command.Plan, cancellationToken)),
            BotCommand.LogFeedback command => ConversationTurn.Reply(LogFeedbackFeature.Prompt(party, command.Text, await logFeedback.FeaturesAsync(party, cancellationToken))),
            BotCommand.SetRole command => ConversationTurn.Reply(await setRole.SetAsync(party, command.Person, command.Role, request.Mentions, cancellationToken)),
            BotCommand.ListPlans => ConversationTurn.Reply(await planCommands.ListAsync(party, now, cancellationToken)),
            BotCommand.PlanStatus command => ConversationTurn.Reply(await planCommands.StatusAsync(party, command.Plan, cancellationToken)),
            BotCommand.PausePlan command => ConversationTurn.Reply(await planCommands.SetStateAsync(party, command.Plan, Data.Entities.PlanState.Paused, now, cancellationToken)),
            BotCommand.ResumePlan command => ConversationTurn.Reply(await planCommands.SetStateAsync(party, command.Plan, Data.Entities.PlanState.Active, now, cancellationToken)),
            BotCommand.RunPlanNow command => ConversationTurn.Reply(await planCommands.RunNowAsync(party, command.Plan, now, cancellationToken)),
            BotCommand.ScoreInteraction command => ConversationTurn.Reply(await scoreInteraction.PromptAsync(party, request, command, cancellationToken)),
            BotCommand.MyEvaluations => await evaluationsInChat.MineAsync(party, request, cancellationToken),
            BotCommand.ShowEvaluations command => await evaluationsInChat.ShowAsync(party, request, command, cancellationToken),
            BotCommand.MyActions => await actionsInChat.ListAsync(party, cancellationToken),
            BotCommand.Unknown command => ConversationTurn.Reply(new TextReply(NotUnderstood(command))),
            _ => ConversationTurn.Reply(new TextReply("Sorry, I didn't understand that. Type **help** to see what I can do.")),
        };
    }

    private static string NotUnderstood(BotCommand.Unknown command) => command switch
    {
        { Hint: { } hint, Example: { } example } => $"Write it like this: **{hint}**, for example **{example}**.",
        { Hint: { } hint } => $"Write it like this: **{hint}**.",
        { Suggestions: [_, ..] suggestions } =>
            $"Sorry, I didn't understand that. Did you mean {string.Join("/", suggestions.Select(s => $"**{s}**"))}? Type **help** to see what I can do.",
        _ => "Sorry, I didn't understand that. Type **help** to see what I can do.",
    };

    // Help's examples name a plan of this tenant (the example staff plan when it is there), so they can be tried as written.
    private async Task<string?> ExamplePlanAsync(ConversationParty party, CancellationToken cancellationToken)
    {
        var keys = await db.Plans.AsNoTracking().Where(p => p.TenantId == party.Tenant.Id).OrderBy(p => p.Key).Select(p => p.Key).ToListAsync(cancellationToken);
        return keys.FirstOrDefault(k => k == HelpCatalog.DefaultExamplePlan) ?? keys.FirstOrDefault();
    }
}

/// <summary>
/// What a turn produced: replies to send, and whether they replace the card that was submitted (a thank-you or
/// the card again with its errors) rather than arrive as new messages.
/// </summary>
internal sealed record ConversationTurn(IReadOnlyList<BotReply> Replies, bool ReplacesCard)
{
    public static ConversationTurn Reply(BotReply reply) => new([reply], false);

    public static ConversationTurn ReplaceCard(BotReply reply) => new([reply], true);
}
