/*!
 * Hello Rempart – thème enfant de Hello Elementor
 * Affichage de l'adresse e-mail de la page Contact (protection anti-spam)
 * v1.0.3
 */
(function () {
	'use strict';

	var codes = [97,99,99,117,101,105,108,64,97,117,116,111,101,99,111,108,101,45,100,117,114,101,109,112,97,114,116,45,97,118,105,103,110,111,110,46,102,114];

	function afficherCourriel() {
		var cible = document.getElementById('ae-courriel');
		if (!cible) {
			return;
		}
		var adresse = String.fromCharCode.apply(String, codes);
		var lien = document.createElement('a');
		lien.href = 'mai' + 'lto:' + adresse;
		lien.textContent = adresse;
		lien.className = 'ae-courriel-lien';
		cible.appendChild(lien);
	}

	if (document.readyState === 'loading') {
		document.addEventListener('DOMContentLoaded', afficherCourriel);
	} else {
		afficherCourriel();
	}
})();
