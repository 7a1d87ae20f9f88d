using Hangfire;
using Hangfire.Logging;
using Hangfire.Server;
using Hangfire.States;
using Hangfire.Storage;

namespace FeedbackBot.Jobs.Scheduling;

/// <summary>
/// The job storage, opened on first use rather than when the web application is put together: the dashboard takes
/// its storage while the endpoints are mapped, before the settings are validated and the database migrated, and
/// opening the SQLite storage then would create the data folder for a bot that is about to refuse a bad setting.
/// Everything is passed to the real storage.
/// </summary>
internal sealed class DeferredJobStorage(Func<JobStorage> open) : JobStorage, IDisposable
{
    private readonly Lazy<JobStorage> _storage = new(open, LazyThreadSafetyMode.ExecutionAndPublication);

    private JobStorage Storage
    {
        get
        {
            var created = !_storage.IsValueCreated;
            var storage = _storage.Value;
            if (created)
            {
                // Expired jobs are removed after the real storage's own time, which its options may have changed.
                JobExpirationTimeout = storage.JobExpirationTimeout;
            }

            return storage;
        }
    }

    public override bool LinearizableReads => Storage.LinearizableReads;

    public override IMonitoringApi GetMonitoringApi() => Storage.GetMonitoringApi();

    public override IStorageConnection GetConnection() => Storage.GetConnection();

    public override IStorageConnection GetReadOnlyConnection() => Storage.GetReadOnlyConnection();

    // Hangfire still asks older storages for these; pass them on.
    [Obsolete("Passed on to the real storage; Hangfire itself marks it obsolete.")]
#pragma warning disable CS0618
    public override IEnumerable<IServerComponent> GetComponents() => Storage.GetComponents();
#pragma warning restore CS0618

    public override IEnumerable<IBackgroundProcess> GetServerRequiredProcesses() => Storage.GetServerRequiredProcesses();

    public override IEnumerable<IBackgroundProcess> GetStorageWideProcesses() => Storage.GetStorageWideProcesses();

    public override IEnumerable<IStateHandler> GetStateHandlers() => Storage.GetStateHandlers();

    public override void WriteOptionsToLog(ILog logger) => Storage.WriteOptionsToLog(logger);

    public override bool HasFeature(string featureId) => Storage.HasFeature(featureId);

    public override string ToString() => Storage.ToString() ?? nameof(DeferredJobStorage);

    public void Dispose()
    {
        if (_storage.IsValueCreated && _storage.Value is IDisposable disposable)
        {
            disposable.Dispose();
        }
    }
}
