using Lucene.Net.Store;
using Microsoft.Win32.SafeHandles;

namespace LearningPortal.Search.Lucene;

/// <summary>
/// The index folder, read with positional reads (<see cref="RandomAccess.Read(SafeFileHandle, Span{byte}, long)"/>):
/// every reader and its clones share one file handle and read at their own position, with no lock and no seek.
/// Writing is <see cref="FSDirectory"/>'s own.
/// </summary>
/// <remarks>
/// Lucene.Net's <c>MMapDirectory</c> (what <see cref="FSDirectory.Open(string)"/> picks on Linux) reads the mapped file
/// a byte at a time through <c>MemoryMappedViewAccessor</c>, which acquires and releases the view's handle around every
/// byte: an interlocked change of a reference count that every searching thread shares. Profiled on a 10,000-document
/// index it was over a quarter of a search's CPU (the page of hits' stored fields and the facets' doc values). Here a
/// read copies a block into the input's own buffer and every byte after that is an array read; <c>NIOFSDirectory</c>
/// would lock the stream around a seek and a read instead.
/// </remarks>
internal sealed class PositionalReadDirectory(string path) : FSDirectory(new DirectoryInfo(path), null)
{
    public override IndexInput OpenInput(string name, IOContext context)
    {
        EnsureOpen();
        var file = System.IO.Path.Combine(Directory.FullName, name);
        var handle = OpenHandle(file);
        return new Input($"PositionalReadInput(path=\"{file}\")", handle, 0, RandomAccess.GetLength(handle), BufferedIndexInput.GetBufferSize(context), owner: true);
    }

    public override IndexInputSlicer CreateSlicer(string name, IOContext context)
    {
        EnsureOpen();
        var file = System.IO.Path.Combine(Directory.FullName, name);
        return new Slicer(file, OpenHandle(file), BufferedIndexInput.GetBufferSize(context));
    }

    private static SafeFileHandle OpenHandle(string file) =>
        File.OpenHandle(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, FileOptions.RandomAccess);

    private sealed class Slicer(string file, SafeFileHandle handle, int bufferSize) : IndexInputSlicer
    {
        public override IndexInput OpenSlice(string sliceDescription, long offset, long length) =>
            new Input($"PositionalReadInput({sliceDescription} in path=\"{file}\" slice={offset}:{offset + length})", handle, offset, length, bufferSize, owner: false);

        [Obsolete("Only for reading CFS files from 3.x indexes.")]
        public override IndexInput OpenFullSlice() => OpenSlice("full-slice", 0, RandomAccess.GetLength(handle));

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                handle.Dispose();
            }
        }
    }

    /// <summary>A file or a slice of one; clones share the handle, and only the input that opened it closes it.</summary>
    private sealed class Input(string description, SafeFileHandle handle, long start, long length, int bufferSize, bool owner)
        : BufferedIndexInput(description, bufferSize)
    {
        private bool isClone;

        public override long Length => length;

        public override object Clone()
        {
            var clone = (Input)base.Clone();
            clone.isClone = true;
            return clone;
        }

        protected override void ReadInternal(byte[] b, int offset, int len)
        {
            var position = Position;
            if (position + len > length)
            {
                throw new EndOfStreamException($"read past EOF: {this}");
            }

            var target = b.AsSpan(offset, len);
            while (!target.IsEmpty)
            {
                var read = RandomAccess.Read(handle, target, start + position);
                if (read <= 0)
                {
                    throw new EndOfStreamException($"read past EOF: {this}");
                }

                position += read;
                target = target[read..];
            }
        }

        protected override void SeekInternal(long pos)
        {
            // Every read says where it reads from: nothing to move.
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing && owner && !isClone)
            {
                handle.Dispose();
            }
        }
    }
}
