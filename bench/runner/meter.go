package main

import (
	"net"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// meter is a TCP proxy in front of a server that counts the bytes each way:
// what a page load moves over the wire, including what its service worker
// fetches, which the page's own network events do not show.
type meter struct {
	ln      net.Listener
	backend string // host:port
	URL     string // http://host:port of the meter
	down    atomic.Int64
	up      atomic.Int64
	last    atomic.Int64 // unix nanoseconds of the last byte either way
	mu      sync.Mutex
	conns   map[net.Conn]bool
	closed  bool
}

// newMeter listens on a free loopback port and forwards to backendURL.
func newMeter(backendURL string) (*meter, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	m := &meter{ln: ln, backend: strings.TrimPrefix(backendURL, "http://"), URL: "http://" + ln.Addr().String(), conns: map[net.Conn]bool{}}
	go m.accept()
	return m, nil
}

func (m *meter) accept() {
	for {
		c, err := m.ln.Accept()
		if err != nil {
			return
		}
		go m.serve(c)
	}
}

func (m *meter) serve(c net.Conn) {
	b, err := net.Dial("tcp", m.backend)
	if err != nil {
		c.Close()
		return
	}
	if !m.track(c, b) {
		return
	}
	var wg sync.WaitGroup
	wg.Add(2)
	go func() { defer wg.Done(); m.copy(b, c, &m.up) }()
	go func() { defer wg.Done(); m.copy(c, b, &m.down) }()
	wg.Wait()
	m.mu.Lock()
	delete(m.conns, c)
	delete(m.conns, b)
	m.mu.Unlock()
}

// track registers both ends of a connection, or closes them when the meter
// is closed.
func (m *meter) track(c, b net.Conn) bool {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.closed {
		c.Close()
		b.Close()
		return false
	}
	m.conns[c], m.conns[b] = true, true
	return true
}

// copy forwards src to dst, counting into n, and closes both when either
// side ends.
func (m *meter) copy(dst, src net.Conn, n *atomic.Int64) {
	buf := make([]byte, 64<<10)
	for {
		k, err := src.Read(buf)
		if k > 0 {
			n.Add(int64(k))
			m.last.Store(time.Now().UnixNano())
			if _, werr := dst.Write(buf[:k]); werr != nil {
				break
			}
		}
		if err != nil {
			break
		}
	}
	dst.Close()
	src.Close()
}

// reset zeroes the counters.
func (m *meter) reset() {
	m.down.Store(0)
	m.up.Store(0)
	m.last.Store(time.Now().UnixNano())
}

// quiet waits until no byte has passed for d, at most limit, and returns
// the bytes sent to the client and received from it since the reset.
func (m *meter) quiet(d, limit time.Duration) (down, up int64) {
	end := time.Now().Add(limit)
	for time.Now().Before(end) && time.Since(time.Unix(0, m.last.Load())) < d {
		time.Sleep(20 * time.Millisecond)
	}
	return m.down.Load(), m.up.Load()
}

// close stops listening and cuts every connection, so that the browser
// finds the server gone.
func (m *meter) close() {
	m.mu.Lock()
	m.closed = true
	for c := range m.conns {
		c.Close()
	}
	m.mu.Unlock()
	m.ln.Close()
}
