using YamlDotNet.RepresentationModel;

namespace FeedbackBot.Core.Plans;

internal sealed partial class PlanReader
{
    private static readonly TimeSpan MinResolutionStandard = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan MaxResolutionStandard = TimeSpan.FromDays(366);

    /// <summary>The optional <c>complaint_resolution_standard</c>: a duration such as <c>48h</c> or <c>5d</c>.</summary>
    private (TimeSpan? Standard, bool Valid) ReadComplaintResolutionStandard(FieldMap plan)
    {
        if (plan.Optional("complaint_resolution_standard") is not YamlNode node)
        {
            return (null, true);
        }

        var path = plan.PathOf("complaint_resolution_standard");
        if (_values.String(node, path) is not { } text)
        {
            return (null, false);
        }

        if (!ReminderInterval.TryParse(text, out var standard, out var error))
        {
            _errors.Add(node, path, error);
            return (null, false);
        }

        if (standard < MinResolutionStandard || standard > MaxResolutionStandard)
        {
            _errors.Add(node, path, "a resolution standard is from 1m to 366d");
            return (null, false);
        }

        return (standard, true);
    }
}
