using System.Threading.Channels;

namespace LearningPortal.Core.Impact;

/// <summary>A briefing opened: by whom (null when not signed in) and when. Nothing else about the reader is kept.</summary>
public readonly record struct ReadSignal(int DocumentId, string? UserId, DateTime AtUtc);

/// <summary>
/// Takes reads off the request path: <see cref="Record"/> only writes to an in-memory channel (well under a
/// microsecond) and <see cref="ReadWriter"/> saves them in batches in the background. When the channel is full (the
/// database is far behind) further reads are dropped rather than slowing pages: reach is a count, not a ledger.
/// </summary>
public sealed class ReadRecorder(TimeProvider clock)
{
    /// <summary>Reads waiting to be written, at most.</summary>
    public const int Capacity = 100_000;

    private readonly Channel<ReadSignal> channel = Channel.CreateBounded<ReadSignal>(
        new BoundedChannelOptions(Capacity) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = false });

    public void Record(int documentId, string? userId) =>
        channel.Writer.TryWrite(new ReadSignal(documentId, userId, clock.GetUtcNow().UtcDateTime));

    internal ChannelReader<ReadSignal> Reader => channel.Reader;
}
