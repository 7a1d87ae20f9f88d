namespace FeedbackBot.Core.Plans;

/// <summary>Reads the outcome: the KPI whose question drivers are correlated with.</summary>
internal sealed partial class PlanReader
{
    private string? ReadOutcome(FieldMap plan, List<Kpi>? kpis)
    {
        if (plan.Optional("outcome") is not { } node || _values.String(node, plan.PathOf("outcome")) is not { } id)
        {
            return null;
        }

        // With a KPI already in error, the outcome may name it rightly; saying so again would report one mistake twice.
        if (kpis is null)
        {
            return id;
        }

        var path = plan.PathOf("outcome");
        if (kpis.FirstOrDefault(k => k.Id == id) is not { } kpi)
        {
            var ids = kpis.Select(k => k.Id).ToList();
            var expected = ids.Count == 0 ? "the plan has no KPIs" : $"{PlanVocabulary.DidYouMean(id, ids)}expected one of the plan's KPIs: {string.Join(", ", ids)}";
            _errors.Add(node, path, $"unknown KPI '{id}' for outcome; {expected}");
            return null;
        }

        if (kpi.Question is not { } question || _questionTypes?.GetValueOrDefault(question) is not { } type || Scale(type) is null)
        {
            _errors.Add(node, path,
                $"KPI '{id}' cannot be the outcome: drivers are correlated with a rating5, agree5, nps or effort7 question, and '{id}' is not computed from one");
            return null;
        }

        return id;
    }
}
