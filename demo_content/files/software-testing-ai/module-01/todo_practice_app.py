"""Module 1 project, "Your First Test Summary Report": TaskNest, a small to-do app to test.

TaskNest implements the three user stories in todo-user-stories.md, with defects planted
on purpose, of the kinds real to-do apps ship with. Test it against the stories, log what
you find, and write your test summary report. Do not read the JavaScript below until you
have finished your session: find the bugs the way a user would meet them.

Run it with Python 3.10 or newer; it needs nothing but the standard library:

    python todo_practice_app.py           # serves http://localhost:8002
    python todo_practice_app.py 8124      # another port

Tasks are stored in your browser's localStorage for this address, so they survive a reload
and a restart of this script. To start from an empty list, open the browser's developer
tools, Application (Chrome, Edge) or Storage (Firefox), and clear Local Storage for the
site, or run localStorage.clear() in the console and reload. Stop the server with Ctrl+C.
"""

import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

PAGE = """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>TaskNest</title>
<link rel="icon" href="data:,">
<style>
body { font-family: Arial, sans-serif; background: #f4f1ea; color: #222; margin: 0; }
main { max-width: 520px; margin: 48px auto; background: #fff; border-radius: 8px; padding: 24px;
       box-shadow: 0 1px 4px rgba(0,0,0,.15); }
h1 { margin-top: 0; color: #7a4b12; }
#new-task { width: 100%; box-sizing: border-box; padding: 10px; font-size: 16px; }
#message { color: #a01212; min-height: 20px; margin: 6px 0; }
ul { list-style: none; padding: 0; }
li { display: flex; align-items: center; gap: 10px; padding: 8px 4px; border-bottom: 1px solid #eee; }
li.done .title { text-decoration: line-through; color: #888; }
.title { flex: 1; word-break: break-word; }
.delete { border: 0; background: none; color: #a01212; font-size: 18px; cursor: pointer; }
.edit { flex: 1; font-size: 15px; padding: 4px; }
footer { display: flex; gap: 12px; align-items: center; flex-wrap: wrap; margin-top: 12px; font-size: 14px; }
footer button { background: none; border: 1px solid #ccc; border-radius: 4px; padding: 4px 8px; cursor: pointer; }
footer button[aria-pressed=true] { border-color: #7a4b12; }
</style>
</head>
<body>
<main>
  <h1>TaskNest</h1>
  <label for="new-task">What needs doing?</label>
  <input id="new-task" maxlength="99" autocomplete="off" placeholder="Type a task and press Enter">
  <p id="message" role="alert"></p>
  <ul id="tasks" aria-label="Tasks"></ul>
  <footer>
    <span id="counter" role="status"></span>
    <button data-filter="all" aria-pressed="true">All</button>
    <button data-filter="active" aria-pressed="false">Active</button>
    <button data-filter="completed" aria-pressed="false">Completed</button>
    <button id="clear-completed">Clear completed</button>
  </footer>
</main>
<script>
const KEY = 'tasknest.tasks';
let tasks = JSON.parse(localStorage.getItem(KEY) || '[]');
let filter = 'all';
let nextId = tasks.reduce((max, t) => Math.max(max, t.id), 0) + 1;
const input = document.getElementById('new-task');
const list = document.getElementById('tasks');
const message = document.getElementById('message');

function save() { localStorage.setItem(KEY, JSON.stringify(tasks)); }

function renderCounter() {
  const left = tasks.filter(t => !t.done).length;
  document.getElementById('counter').textContent = left + ' tasks left';
}

function renderList() {
  list.innerHTML = '';
  tasks.filter(t => filter === 'all' || (filter === 'active' ? !t.done : t.done)).forEach(task => {
    const item = document.createElement('li');
    item.className = task.done ? 'done' : '';
    item.innerHTML = '<input type="checkbox" aria-label="Completed"' + (task.done ? ' checked' : '') + '>' +
      '<span class="title">' + task.title + '</span>' +
      '<button class="delete" aria-label="Delete task">\\u00d7</button>';
    item.querySelector('input').addEventListener('change', () => {
      task.done = !task.done;
      renderList(); renderCounter();
    });
    item.querySelector('.delete').addEventListener('click', () => {
      tasks = tasks.filter(t => t.id !== task.id);
      save(); renderList();
    });
    item.querySelector('.title').addEventListener('dblclick', () => startEdit(item, task));
    list.appendChild(item);
  });
}

function startEdit(item, task) {
  const span = item.querySelector('.title');
  const box = document.createElement('input');
  box.className = 'edit';
  box.value = task.title;
  span.replaceWith(box);
  box.focus();
  box.addEventListener('keydown', event => {
    if (event.key === 'Enter' || event.key === 'Escape') {
      const title = box.value.trim();
      if (title === '') { tasks = tasks.filter(t => t.id !== task.id); } else { task.title = title; }
      save(); renderList(); renderCounter();
    }
  });
}

input.addEventListener('keydown', event => {
  if (event.key !== 'Enter') return;
  const title = input.value;
  if (title.length === 0) { message.textContent = 'Please enter a task.'; return; }
  message.textContent = '';
  tasks.push({ id: nextId++, title: title.trim(), done: false });
  input.value = '';
  save(); renderList(); renderCounter();
});

document.querySelectorAll('[data-filter]').forEach(button => {
  button.addEventListener('click', () => {
    filter = button.dataset.filter;
    document.querySelectorAll('[data-filter]').forEach(b => b.setAttribute('aria-pressed', b === button));
    renderList();
  });
});

document.getElementById('clear-completed').addEventListener('click', () => {
  for (let i = 0; i < tasks.length; i++) {
    if (tasks[i].done) { tasks.splice(i, 1); }
  }
  save(); renderList(); renderCounter();
});

renderList(); renderCounter();
</script>
</body>
</html>
"""


class Handler(BaseHTTPRequestHandler):
    server_version = "TaskNest/1.0"

    def do_GET(self):
        if self.path.split("?")[0] not in ("/", "/index.html"):
            self.send_error(404, "Page not found")
            return
        data = PAGE.encode("utf-8")
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)


def main():
    port = int(sys.argv[1]) if len(sys.argv) > 1 else 8002
    server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
    print(f"TaskNest practice app on http://localhost:{port}  (Ctrl+C to stop)")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        print("\nStopped.")


if __name__ == "__main__":
    main()
