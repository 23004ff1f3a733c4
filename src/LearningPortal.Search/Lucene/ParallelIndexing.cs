using LearningPortal.Core.Search;
using System.Runtime.ExceptionServices;
using System.Threading.Channels;
using Lucene.Net.Index;

namespace LearningPortal.Search.Lucene;

internal static class ParallelIndexing
{
    /// <summary>
    /// Reads the documents on this thread and analyses them on one thread per core: IndexWriter takes
    /// documents from several threads at once, and analysis is most of the cost of a rebuild.
    /// </summary>
    public static async Task<int> AddAllAsync(IndexWriter writer, IAsyncEnumerable<SearchDocument> documents, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var queue = Channel.CreateBounded<SearchDocument>(new BoundedChannelOptions(256) { SingleWriter = true });
        var adders = Enumerable.Range(0, Math.Clamp(Environment.ProcessorCount, 1, 4)).Select(_ => Task.Run(async () =>
        {
            var added = 0;
            try
            {
                await foreach (var document in queue.Reader.ReadAllAsync(stop.Token))
                {
                    writer.AddDocument(IndexFields.ToLucene(document));
                    added++;
                }
            }
            catch
            {
                await stop.CancelAsync();
                throw;
            }

            return added;
        }, CancellationToken.None)).ToList();

        Exception? failure = null;
        try
        {
            await foreach (var document in documents.WithCancellation(stop.Token))
            {
                await queue.Writer.WriteAsync(document, stop.Token);
            }
        }
        catch (Exception ex)
        {
            failure = ex;
            await stop.CancelAsync();
        }

        queue.Writer.TryComplete();
        await Task.WhenAll(adders).ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);

        // The first real failure, from reading or from indexing, explains the others (which are cancellations).
        var error = adders.Where(t => t.IsFaulted).SelectMany(t => t.Exception!.InnerExceptions).Prepend(failure)
            .FirstOrDefault(e => e is not null and not OperationCanceledException) ?? failure;
        if (error is not null)
        {
            ExceptionDispatchInfo.Throw(error);
        }

        return adders.Sum(t => t.Result);
    }
}
