using System.Globalization;
using FeedbackBot.Core.Reviews;

namespace FeedbackBot.Features.Reviews.Rendering;

/// <summary>The one sentence that says whether the usable sample looks like the population it was drawn from.</summary>
internal static class RepresentativenessText
{
    public static string Summary(Representativeness representativeness)
    {
        ArgumentNullException.ThrowIfNull(representativeness);
        var basis = representativeness.Basis switch
        {
            "invitations" => "Compared with the people invited.",
            "population" => "Compared with the population given in the plan.",
            _ => "No population mix is known, so the sample's mix cannot be checked.",
        };
        var population = representativeness.Population is { } size
            ? $" Population {ReviewText.Count(size)}."
            : string.Empty;
        if (representativeness.PValue is not { } p || representativeness.ChiSquare is not { } chi)
        {
            return representativeness.Basis is "invitations" or "population"
                ? $"{basis}{population} Too few segments or responses to test the mix."
                : basis + population;
        }

        var verdict = p < 0.05
            ? "The sample's segment mix differs from the population's: weigh the results with that in mind"
            : "The sample's segment mix is consistent with the population's";
        var test = string.Create(CultureInfo.InvariantCulture, $"chi-square {chi:0.##}, df {representativeness.DegreesOfFreedom}, {ReviewText.PValue(p)}");
        var approximate = representativeness.Approximate ? "; approximate, as some segments are small" : string.Empty;
        return $"{basis}{population} {verdict} ({test}{approximate}).";
    }
}
