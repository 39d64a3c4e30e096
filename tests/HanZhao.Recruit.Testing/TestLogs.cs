using Microsoft.Extensions.Logging;

namespace HanZhao.Recruit.Testing;

/// <summary>
/// The app's own log lines from tests go to a file under <c>TestResults/logs/</c>, not the test
/// console, so that a failing test's message is what the output shows. The file is named after
/// the app's data folder, which is unique per app.
/// </summary>
public sealed class TestLogs : ILoggerProvider
{
    private readonly StreamWriter _writer;
    private readonly Lock _lock = new();

    public TestLogs(string name)
    {
        Path = System.IO.Path.Combine(RepositoryPaths.TestOutput("logs"), name + ".log");
        _writer = new StreamWriter(File.Open(Path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite)) { AutoFlush = true };
    }

    public string Path { get; }

    public ILogger CreateLogger(string categoryName) => new FileLogger(this, categoryName);

    public void Dispose()
    {
        lock (_lock)
        {
            _writer.Dispose();
        }
    }

    private void Write(string line)
    {
        lock (_lock)
        {
            // Background jobs may still log while the app shuts down after the file is closed.
            if (_writer.BaseStream.CanWrite)
            {
                _writer.WriteLine(line);
            }
        }
    }

    private sealed class FileLogger(TestLogs logs, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            logs.Write($"{DateTime.UtcNow:O} {logLevel} {category}: {formatter(state, exception)}{(exception is null ? "" : Environment.NewLine + exception)}");
    }
}
