using FeedbackBot.Data;
using Xunit;

namespace FeedbackBot.Testing;

/// <summary>Theory data that runs a storage test once on each provider.</summary>
public sealed class ProviderData : TheoryData<DatabaseProvider>
{
    public ProviderData()
    {
        Add(DatabaseProvider.Sqlite);
        Add(DatabaseProvider.Postgres);
    }
}
