using FeedbackBot.Core.Analysis.Text;
using FeedbackBot.Core.Analysis.Validation;
using FeedbackBot.Core.Plans;

namespace FeedbackBot.Core.Analysis;

/// <summary>
/// Validates a cycle's responses and adds up the usable ones. Feed it one respondent at a time
/// (<see cref="AddRespondent"/>) to stream any number of rows ordered by respondent key; <see cref="AddAll"/> groups
/// a list itself. The result does not depend on the order respondents arrive in.
/// </summary>
public sealed class CycleAnalyzer
{
    private readonly MeasurementPlan _plan;
    private readonly CycleWindow _window;
    private readonly ResponseValidator _validator;
    private readonly Dictionary<ResponseClass, int> _byClass = Enum.GetValues<ResponseClass>().ToDictionary(c => c, _ => 0);
    private readonly Dictionary<string, AnswerTally> _questions;
    private readonly Dictionary<string, Dictionary<string, AnswerTally>> _bySegment = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _usableBySegment = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<string, AnswerTally>> _byAgent = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<string, AnswerTally>> _byChannel = new(StringComparer.Ordinal);
    private readonly Dictionary<Audience, int> _usableByAudience = Enum.GetValues<Audience>().ToDictionary(a => a, _ => 0);
    private readonly ThemeAccumulator _comments;
    private readonly HashSet<string> _textQuestions;
    private readonly string? _outcomeQuestion;
    private readonly Dictionary<string, PairTally> _outcomePairs = new(StringComparer.Ordinal);
    private int _received;
    private int _straightLiners;

    /// <summary>Creates an analyser for one cycle of a plan.</summary>
    public CycleAnalyzer(MeasurementPlan plan, CycleWindow window)
    {
        _plan = plan ?? throw new ArgumentNullException(nameof(plan));
        _window = window ?? throw new ArgumentNullException(nameof(window));
        _validator = new ResponseValidator(plan, window);
        _questions = plan.Questions.ToDictionary(q => q.Id, _ => new AnswerTally(), StringComparer.Ordinal);
        _comments = new ThemeAccumulator(ThemeTaxonomy.WithPlanThemes(plan.Themes));
        _textQuestions = plan.Questions.Where(q => q.Type == QuestionType.Text).Select(q => q.Id).ToHashSet(StringComparer.Ordinal);
        _outcomeQuestion = plan.OutcomeKpi()?.Question;
        if (_outcomeQuestion is not null)
        {
            foreach (var question in plan.Questions.Where(q => q.Id != _outcomeQuestion && AnswerValues.ScaleOf(q.Type) is not null))
            {
                _outcomePairs[question.Id] = new PairTally();
            }
        }
    }

    /// <summary>Adds every response of one respondent in the cycle.</summary>
    public void AddRespondent(IReadOnlyList<ResponseRecord> responses)
    {
        foreach (var classified in _validator.ClassifyRespondent(responses))
        {
            Add(classified);
        }
    }

    /// <summary>Adds a list of responses in any order.</summary>
    public void AddAll(IEnumerable<ResponseRecord> responses)
    {
        ArgumentNullException.ThrowIfNull(responses);
        foreach (var group in responses.GroupBy(r => r.RespondentKey, StringComparer.Ordinal))
        {
            AddRespondent([.. group]);
        }
    }

    /// <summary>The totals so far.</summary>
    public CycleTallies Complete() => new(
        _window,
        _received,
        new Dictionary<ResponseClass, int>(_byClass),
        _straightLiners,
        _questions,
        _bySegment.ToDictionary(s => s.Key, s => (IReadOnlyDictionary<string, AnswerTally>)s.Value, StringComparer.Ordinal),
        new Dictionary<string, int>(_usableBySegment, StringComparer.Ordinal),
        new Dictionary<Audience, int>(_usableByAudience),
        _comments,
        Breakdown(_byAgent),
        Breakdown(_byChannel),
        new Dictionary<string, PairTally>(_outcomePairs, StringComparer.Ordinal));

    // A breakdown in which nobody is named is no breakdown; one in which some are keeps the rest as "(none)", so that
    // the whole minus the named groups never gives away a group too small to show.
    private static Dictionary<string, IReadOnlyDictionary<string, AnswerTally>> Breakdown(Dictionary<string, Dictionary<string, AnswerTally>> groups) =>
        groups.Keys.Any(k => k != CycleTallies.UnknownSegment)
            ? groups.ToDictionary(g => g.Key, g => (IReadOnlyDictionary<string, AnswerTally>)g.Value, StringComparer.Ordinal)
            : new Dictionary<string, IReadOnlyDictionary<string, AnswerTally>>(StringComparer.Ordinal);

    private void Add(ClassifiedResponse classified)
    {
        _received++;
        _byClass[classified.Class]++;
        if (classified.StraightLined && classified.Class is ResponseClass.Usable or ResponseClass.StraightLined)
        {
            _straightLiners++;
        }

        if (classified.Class != ResponseClass.Usable)
        {
            return;
        }

        var response = classified.Response;
        var segment = string.IsNullOrWhiteSpace(response.Segment) ? CycleTallies.UnknownSegment : response.Segment.Trim();
        _usableBySegment[segment] = _usableBySegment.GetValueOrDefault(segment) + 1;
        _usableByAudience[response.Audience]++;
        var segmentTallies = Group(_bySegment, segment);
        var agentTallies = Group(_byAgent, GroupName(response.Agent));
        var channelTallies = Group(_byChannel, GroupName(response.Channel));
        foreach (var (questionId, answer) in classified.Answers)
        {
            _questions[questionId].Add(answer);
            segmentTallies[questionId].Add(answer);
            agentTallies[questionId].Add(answer);
            channelTallies[questionId].Add(answer);
            if (_textQuestions.Contains(questionId))
            {
                _comments.Add(new Comment(answer.Normalized, "survey", response.Audience, segment));
            }
        }

        // Only the pair of values is kept, never the response it came from, so the pairs cannot lead back to anyone.
        if (_outcomeQuestion is not null && classified.Answers.GetValueOrDefault(_outcomeQuestion)?.Number is { } outcome)
        {
            foreach (var (questionId, pairs) in _outcomePairs)
            {
                if (classified.Answers.GetValueOrDefault(questionId)?.Number is { } value)
                {
                    pairs.Add(outcome, value);
                }
            }
        }
    }

    private static string GroupName(string? name) => string.IsNullOrWhiteSpace(name) ? CycleTallies.UnknownSegment : name.Trim();

    private Dictionary<string, AnswerTally> Group(Dictionary<string, Dictionary<string, AnswerTally>> groups, string name)
    {
        if (!groups.TryGetValue(name, out var tallies))
        {
            tallies = _plan.Questions.ToDictionary(q => q.Id, _ => new AnswerTally(), StringComparer.Ordinal);
            groups[name] = tallies;
        }

        return tallies;
    }
}
