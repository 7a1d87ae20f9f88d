using OpenTelemetry.Trace;

namespace FeedbackBot.Infrastructure.Telemetry;

/// <summary>
/// Decides for spans that start a trace: a database or HTTP call outside any request, turn, job or send (the
/// scheduler polling its queue every few seconds, a token refresh) is left out; everything else is kept. Calls made
/// inside a traced operation are children and follow their parent.
/// </summary>
internal sealed class NoStrayClientSpans : Sampler
{
    public override SamplingResult ShouldSample(in SamplingParameters samplingParameters) =>
        new(samplingParameters.Kind == System.Diagnostics.ActivityKind.Client ? SamplingDecision.Drop : SamplingDecision.RecordAndSample);
}
