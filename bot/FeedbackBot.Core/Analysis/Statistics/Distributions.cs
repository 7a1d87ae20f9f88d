using MathNet.Numerics;
using MathNet.Numerics.Distributions;

namespace FeedbackBot.Core.Analysis.Statistics;

/// <summary>The tail probabilities and quantiles the tests need, computed so small p-values keep their precision.</summary>
internal static class Distributions
{
    /// <summary>Two-sided p-value of a standard normal statistic.</summary>
    public static double TwoSidedNormal(double z) =>
        // The lower tail of -|z| avoids the cancellation in 1 - CDF(|z|) when p is tiny.
        Math.Clamp(2 * Normal.CDF(0, 1, -Math.Abs(z)), 0, 1);

    /// <summary>Two-sided p-value of a Student t statistic.</summary>
    public static double TwoSidedT(double t, double degreesOfFreedom) =>
        Math.Clamp(2 * StudentT.CDF(0, 1, degreesOfFreedom, -Math.Abs(t)), 0, 1);

    /// <summary>The 97.5% quantile of Student's t, the multiplier of a 95% interval.</summary>
    public static double T975(double degreesOfFreedom) => StudentT.InvCDF(0, 1, degreesOfFreedom, 0.975);

    /// <summary>Upper-tail probability of a chi-square statistic.</summary>
    public static double ChiSquareUpperTail(double chiSquare, int degreesOfFreedom) =>
        Math.Clamp(SpecialFunctions.GammaUpperRegularized(degreesOfFreedom / 2.0, chiSquare / 2), 0, 1);
}
