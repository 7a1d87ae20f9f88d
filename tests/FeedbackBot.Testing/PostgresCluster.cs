using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace FeedbackBot.Testing;

/// <summary>
/// A throwaway PostgreSQL cluster started from the machine's own binaries, once per test process, and removed when
/// the process exits. When FEEDBACKBOT_TEST_POSTGRES is set, that server is used instead and nothing is started.
/// As root, the server runs as the postgres user, because PostgreSQL refuses to run as root.
/// </summary>
public sealed class PostgresCluster
{
    public const string ServerVariable = "FEEDBACKBOT_TEST_POSTGRES";

    private static readonly Lazy<Task<PostgresCluster>> Shared = new(StartSharedAsync);

    private readonly string? _dataDirectory;
    private readonly string? _binDirectory;
    private readonly string? _runAs;
    private string? _root;
    private int _port;
    private bool _durable;

    private PostgresCluster(string adminConnectionString, string? dataDirectory, string? binDirectory, string? runAs)
    {
        AdminConnectionString = adminConnectionString;
        _dataDirectory = dataDirectory;
        _binDirectory = binDirectory;
        _runAs = runAs;
    }

    /// <summary>A connection string with the right to create databases.</summary>
    public string AdminConnectionString { get; }

    public static Task<PostgresCluster> GetAsync() => Shared.Value;

    /// <summary>Creates an empty database with a unique name and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string prefix)
    {
        var name = $"{prefix}_{Guid.NewGuid():N}".ToLowerInvariant();
        await using (var connection = new NpgsqlConnection(AdminConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await command.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = name }.ConnectionString;
    }

    public async Task DropDatabaseAsync(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>
    /// A cluster of the caller's own, for a test that stops and starts the server (which the shared one must never
    /// be): started from the machine's binaries even when <see cref="ServerVariable"/> names a server, and removed
    /// when disposed.
    /// </summary>
    /// <param name="durable">
    /// Keep PostgreSQL's own durability (every commit flushed to disk, whole pages written after a checkpoint), as a
    /// production server does, for a benchmark; tests turn it off for speed.
    /// </param>
    public static async Task<PrivatePostgresCluster> StartPrivateAsync(bool durable = false)
    {
        var (cluster, _) = await StartNewAsync(durable);
        return new PrivatePostgresCluster(cluster);
    }

    private static async Task<PostgresCluster> StartSharedAsync()
    {
        var external = Environment.GetEnvironmentVariable(ServerVariable);
        if (!string.IsNullOrWhiteSpace(external))
        {
            return new PostgresCluster(external, null, null, null);
        }

        var (cluster, root) = await StartNewAsync();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => cluster.Stop(root);
        return cluster;
    }

    private static async Task<(PostgresCluster Cluster, string Root)> StartNewAsync(bool durable = false)
    {
        var bin = FindBinDirectory() ?? throw new InvalidOperationException(
            $"No PostgreSQL server binaries found (looked for initdb in /usr/lib/postgresql/*/bin and on PATH). " +
            $"Install them (Debian: apt-get install postgresql) or set {ServerVariable} to a server's connection string.");
        var runAs = IsRoot() ? "postgres" : null;

        var root = Path.Combine(Path.GetTempPath(), $"feedbackbot-pg-{Guid.NewGuid():N}");
        var data = Path.Combine(root, "data");
        Directory.CreateDirectory(root);
        if (runAs is not null)
        {
            await RunAsync("chown", [$"{runAs}:", root], null);
        }

        var port = FreePort();
        var cluster = new PostgresCluster(
            $"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres;Pooling=true;Timeout=30;Command Timeout=300",
            data,
            bin,
            runAs)
        {
            _root = root,
            _port = port,
            _durable = durable,
        };
        await cluster.RunPgAsync("initdb", ["-D", data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-sync", "--locale=C"]);
        await cluster.StartServerAsync();
        return (cluster, root);
    }

    /// <summary>Starts the server of this cluster (again), on the same port, and returns once it takes connections.</summary>
    internal Task StartServerAsync()
    {
        var serverOptions = $"-p {_port} -c listen_addresses=127.0.0.1 -k {_root} -c max_connections=200" +
            (_durable ? string.Empty : " -c fsync=off -c synchronous_commit=off -c full_page_writes=off");
        return RunPgAsync("pg_ctl", ["-D", _dataDirectory!, "-l", Path.Combine(_root!, "server.log"), "-o", serverOptions, "-w", "-t", "60", "start"]);
    }

    /// <summary>Stops the server as an operator's restart would (fast: sessions are disconnected, nothing is lost).</summary>
    internal Task StopServerAsync() => RunPgAsync("pg_ctl", ["-D", _dataDirectory!, "-m", "fast", "-w", "-t", "60", "stop"]);

    internal void Remove()
    {
        try
        {
            Stop(_root!);
        }
        catch (InvalidOperationException)
        {
            // Already stopped by the test; its folder is removed all the same.
        }
    }

    private void Stop(string root)
    {
        try
        {
            RunAsync(Path.Combine(_binDirectory!, "pg_ctl"), ["-D", _dataDirectory!, "-m", "immediate", "-w", "stop"], _runAs)
                .GetAwaiter().GetResult();
        }
        finally
        {
            try
            {
                Directory.Delete(root, recursive: true);
            }
            catch (IOException)
            {
                // A half-stopped server may still hold a file; the temp folder is the OS's to clean then.
            }
        }
    }

    private Task RunPgAsync(string tool, string[] arguments) => RunAsync(Path.Combine(_binDirectory!, tool), arguments, _runAs);

    private static async Task RunAsync(string fileName, string[] arguments, string? runAs)
    {
        var start = new ProcessStartInfo
        {
            FileName = runAs is null ? fileName : "runuser",
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (runAs is not null)
        {
            foreach (var a in new[] { "-u", runAs, "--", fileName })
            {
                start.ArgumentList.Add(a);
            }
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {fileName}.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"{Path.GetFileName(fileName)} exited with {process.ExitCode}: {await stderr}{await stdout}");
        }
    }

    private static string? FindBinDirectory()
    {
        if (Directory.Exists("/usr/lib/postgresql"))
        {
            var newest = Directory.GetDirectories("/usr/lib/postgresql")
                .Select(d => Path.Combine(d, "bin"))
                .Where(d => File.Exists(Path.Combine(d, "initdb")))
                .OrderByDescending(d => int.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), out var v) ? v : 0)
                .FirstOrDefault();
            if (newest is not null)
            {
                return newest;
            }
        }

        return (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .FirstOrDefault(d => File.Exists(Path.Combine(d, "initdb")) && File.Exists(Path.Combine(d, "pg_ctl")));
    }

    private static bool IsRoot() => OperatingSystem.IsLinux() && Environment.UserName == "root";

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
