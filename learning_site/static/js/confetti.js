// A short burst of confetti over a passed quiz. Decorative: hidden from assistive technology,
// and skipped entirely for people who ask for reduced motion.
(function () {
  "use strict";
  if (!document.querySelector("[data-celebrate]")) return;
  if (window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches) return;

  var canvas = document.createElement("canvas");
  canvas.setAttribute("aria-hidden", "true");
  canvas.className = "confetti";
  document.body.appendChild(canvas);
  var context = canvas.getContext("2d");
  var colours = ["#2563eb", "#16a34a", "#f59e0b", "#db2777", "#7c3aed"];
  var pieces = [];

  function resize() {
    canvas.width = window.innerWidth;
    canvas.height = window.innerHeight;
  }
  resize();
  window.addEventListener("resize", resize);

  for (var i = 0; i < 160; i++) {
    pieces.push({
      x: Math.random() * canvas.width,
      y: -20 - Math.random() * canvas.height * 0.5,
      size: 6 + Math.random() * 6,
      speed: 2 + Math.random() * 3,
      drift: -1 + Math.random() * 2,
      spin: Math.random() * Math.PI,
      colour: colours[i % colours.length]
    });
  }

  var started = null;
  function frame(time) {
    if (started === null) started = time;
    context.clearRect(0, 0, canvas.width, canvas.height);
    pieces.forEach(function (piece) {
      piece.y += piece.speed;
      piece.x += piece.drift;
      piece.spin += 0.1;
      context.save();
      context.translate(piece.x, piece.y);
      context.rotate(piece.spin);
      context.fillStyle = piece.colour;
      context.fillRect(-piece.size / 2, -piece.size / 4, piece.size, piece.size / 2);
      context.restore();
    });
    if (time - started < 3500) {
      window.requestAnimationFrame(frame);
    } else {
      canvas.remove();
    }
  }
  window.requestAnimationFrame(frame);
})();
