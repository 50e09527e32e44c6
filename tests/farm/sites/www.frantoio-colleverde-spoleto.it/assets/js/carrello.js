/* carrello */
(function(){"use strict";var k='cv_carrello';try{var n=JSON.parse(localStorage.getItem(k)||'[]').length;}catch(e){}})();
